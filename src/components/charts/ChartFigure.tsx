// A chart with what every chart needs besides the picture: a caption, its data as a table for keyboards
// and screen readers, and downloads of the drawing as SVG and PNG (made on this device).

import { useRef, useState, type ReactNode } from 'react';
import { DataTable } from '../ui/DataTable';
import { downloadBlob } from '../../lib/download';

interface ChartFigureProps {
  caption: string;
  /** File name without extension. */
  fileName: string;
  table: { columns: string[]; rows: (string | null)[][] };
  /** Charts whose points are drawn on a canvas (tens of thousands): the SVG embeds them as an image. */
  canvas?: boolean;
  children: ReactNode;
}

/** The drawing as standalone SVG text (namespaced, so it opens in any viewer); canvases in the chart
 * (a scatter's points) are embedded as images under the axes. */
function svgText(svg: SVGSVGElement, canvases: HTMLCanvasElement[] = []): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('font-family', 'system-ui, sans-serif');
  copy.setAttribute('font-size', '11');
  copy.removeAttribute('aria-hidden');
  for (const c of [...canvases].reverse()) {
    const image = document.createElementNS('http://www.w3.org/2000/svg', 'image');
    image.setAttribute('x', String(parseFloat(c.style.left) || 0));
    image.setAttribute('y', String(parseFloat(c.style.top) || 0));
    image.setAttribute('width', String(c.clientWidth));
    image.setAttribute('height', String(c.clientHeight));
    image.setAttribute('href', c.toDataURL('image/png'));
    copy.insertBefore(image, copy.firstChild);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

/** The SVG drawn to a PNG at twice its size, with any canvas in the chart (points) drawn under it. */
async function svgToPng(
  text: string,
  width: number,
  height: number,
  canvases: HTMLCanvasElement[] = [],
): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The chart could not be drawn as PNG.'));
      image.src = url;
    });
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = width * scale;
    canvas.height = height * scale;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw PNG files.');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    for (const c of canvases) {
      const left = parseFloat(c.style.left) || 0;
      const top = parseFloat(c.style.top) || 0;
      context.drawImage(c, left * scale, top * scale, c.clientWidth * scale, c.clientHeight * scale);
    }
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed.'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Caption, chart, downloads and the data table behind a disclosure. */
export function ChartFigure({ caption, fileName, table, canvas = false, children }: ChartFigureProps) {
  const ref = useRef<HTMLElement>(null);
  const [error, setError] = useState<string | null>(null);
  const svg = () => ref.current?.querySelector('svg') ?? null;
  const canvases = () => (canvas ? [...(ref.current?.querySelectorAll('canvas') ?? [])] : []);
  const asSvg = () => {
    const s = svg();
    if (s) downloadBlob(new Blob([svgText(s, canvases())], { type: 'image/svg+xml' }), `${fileName}.svg`);
  };
  const asPng = () => {
    const s = svg();
    if (!s) return;
    setError(null);
    // The PNG draws the canvases itself (an embedded image would be drawn twice).
    svgToPng(svgText(s), s.width.baseVal.value, s.height.baseVal.value, canvases())
      .then((blob) => downloadBlob(blob, `${fileName}.png`))
      .catch((e: Error) => setError(e.message));
  };
  return (
    <figure ref={ref} className="chart-figure">
      <figcaption>{caption}</figcaption>
      {children}
      <div className="chart-tools">
        <button type="button" className="button" onClick={asSvg}>
          Download SVG
        </button>
        <button type="button" className="button" onClick={asPng}>
          Download PNG
        </button>
        <details>
          <summary>Show the data as a table</summary>
          <DataTable caption={caption} columns={table.columns} rows={table.rows} />
        </details>
      </div>
      {error && <p role="alert">{error}</p>}
    </figure>
  );
}
