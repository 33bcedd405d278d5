import { useMemo } from 'react';
import { useAppStore } from '../store';
import { sheetById } from '../scene/template';
import { fitViewport, type Viewport } from '../scene/viewport';

/** The viewport of the current sheet (stored, or fit to the canvas). */
export function useViewport(): Viewport {
  const sheetId = useAppStore((s) => s.sheetId);
  const stored = useAppStore((s) => s.viewports[s.sheetId]);
  const width = useAppStore((s) => s.canvasSize.width);
  const height = useAppStore((s) => s.canvasSize.height);
  return useMemo(() => stored ?? fitViewport(sheetById(sheetId), { width, height }), [stored, sheetId, width, height]);
}
