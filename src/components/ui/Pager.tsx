import { formatCount } from '../../lib/format';

interface PagerProps {
  page: number;
  pages: number;
  onPage: (page: number) => void;
}

/** Previous / Next through pages of rows. */
export function Pager({ page, pages, onPage }: PagerProps) {
  return (
    <div className="pager">
      <button type="button" className="button" disabled={page === 0} onClick={() => onPage(page - 1)}>
        Previous
      </button>
      <span>
        Page {formatCount(page + 1)} of {formatCount(pages)}
      </span>
      <button type="button" className="button" disabled={page + 1 >= pages} onClick={() => onPage(page + 1)}>
        Next
      </button>
    </div>
  );
}
