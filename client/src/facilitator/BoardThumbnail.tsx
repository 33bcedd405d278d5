import { memo } from 'react';
import type { Note } from '@dmc/shared/domain/note';
import type { SheetTemplate } from '@dmc/shared/template/types';
import { NOTE_EDGES, NOTE_FILLS } from '../scene/theme';
import { fieldRects, layoutSheets, noteSquares } from './thumbnail';

interface ThumbnailProps {
  readonly sheets: readonly SheetTemplate[];
  readonly notes: readonly Note[];
  /** Private notes not revealed yet: drawn faded with a dashed edge. */
  readonly drafts: readonly Note[];
  /** Text alternative: what the picture tells (counts), since shapes alone say nothing. */
  readonly label: string;
}

/**
 * A board at thumbnail size: the sheets with their fields in light tints and every note as a
 * square in its colour. No text — at this size it would be unreadable; the counts beside it tell.
 */
export const BoardThumbnail = memo(function BoardThumbnail({ sheets, notes, drafts, label }: ThumbnailProps) {
  const layout = layoutSheets(sheets);
  return (
    <svg
      className="fac-thumb"
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="img"
      aria-label={label}
      preserveAspectRatio="xMidYMid meet"
    >
      {layout.sheets.map(({ sheet, offsetX }) => (
        <g key={sheet.id} transform={`translate(${offsetX} 0)`}>
          <rect width={sheet.width} height={sheet.height} fill="#ffffff" stroke="#c4cad3" strokeWidth={4} />
          {fieldRects(sheet).map((field) => (
            <rect
              key={field.id}
              x={field.rect.x}
              y={field.rect.y}
              width={field.rect.width}
              height={field.rect.height}
              fill={field.tint}
              stroke={field.parentId ? 'rgba(49, 46, 129, 0.3)' : 'rgba(31, 35, 40, 0.18)'}
              strokeWidth={3}
            />
          ))}
        </g>
      ))}
      {noteSquares(layout, notes).map((square) => (
        <rect
          key={square.id}
          x={square.x}
          y={square.y}
          width={square.size}
          height={square.size}
          fill={NOTE_FILLS[square.color]}
          stroke={NOTE_EDGES[square.color]}
          strokeWidth={4}
        />
      ))}
      {noteSquares(layout, drafts).map((square) => (
        <rect
          key={`draft-${square.id}`}
          x={square.x}
          y={square.y}
          width={square.size}
          height={square.size}
          fill={NOTE_FILLS[square.color]}
          fillOpacity={0.55}
          stroke="#4b5563"
          strokeWidth={4}
          strokeDasharray="10 8"
        />
      ))}
    </svg>
  );
});
