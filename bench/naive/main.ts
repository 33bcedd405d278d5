import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Group, Layer, Rect, Stage, Text } from 'react-konva';

/**
 * The comparison for the canvas benchmark: sticky notes as a first react-konva tutorial would draw
 * them. One layer, three nodes per note (group, paper, wrapped text), the stage dragged to pan and
 * scaled around the pointer on the wheel, every note a draggable React element; no culling, no
 * caching. `?notes=N` notes, laid out as the benchmark lays out ours. (No JSX: the root tsconfig,
 * which checks bench/, compiles none.)
 */

const SIZE = 64;
const FILLS = ['#fff59d', '#f8bbd0', '#b3e5fc', '#c8e6c9'];
const count = Number(new URLSearchParams(location.search).get('notes') ?? 200);
const notes = Array.from({ length: count }, (_, j) => ({
  id: `f${j}`,
  x: 40 + ((j * 67) % 1080),
  y: 130 + ((j * 29) % 680),
  fill: FILLS[j % 4] ?? '#fff59d',
  text: `Notitie ${j}: welke studenten blijven achter en wat hebben zij nodig?`,
}));

function NaiveCanvas() {
  const [view, setView] = useState({ x: 0, y: 0, scale: 0.9 });
  return h(
    Stage,
    {
      width: window.innerWidth,
      height: window.innerHeight,
      x: view.x,
      y: view.y,
      scaleX: view.scale,
      scaleY: view.scale,
      draggable: true,
      onDragEnd: (e) => {
        if (e.target === e.target.getStage()) setView((v) => ({ ...v, x: e.target.x(), y: e.target.y() }));
      },
      onWheel: (e) => {
        e.evt.preventDefault();
        const stage = e.target.getStage();
        const pointer = stage?.getPointerPosition();
        if (!stage || !pointer) return;
        const scale = e.evt.deltaY > 0 ? view.scale / 1.05 : view.scale * 1.05;
        const anchor = { x: (pointer.x - stage.x()) / view.scale, y: (pointer.y - stage.y()) / view.scale };
        setView({ scale, x: pointer.x - anchor.x * scale, y: pointer.y - anchor.y * scale });
      },
    },
    h(
      Layer,
      null,
      h(Rect, { x: 0, y: 0, width: 1190, height: 842, fill: '#ffffff', stroke: '#cbd5e1' }),
      notes.map((n) =>
        h(
          Group,
          { key: n.id, x: n.x, y: n.y, draggable: true },
          h(Rect, { width: SIZE, height: SIZE, fill: n.fill, stroke: '#94a3b8', strokeWidth: 0.6, cornerRadius: 1.5 }),
          h(Text, { x: 5, y: 5, width: SIZE - 10, height: SIZE - 10, text: n.text, fontSize: 8, align: 'center' }),
        ),
      ),
    ),
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(h(NaiveCanvas));
