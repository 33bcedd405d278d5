import { GROUP_COLORS } from '@dmc/shared/domain/session';
import type { MessageKey } from '../i18n/messages';
import type { GroupColor } from './assignment';

/** The name of each subgroup colour, so a colour is never the only way to tell groups apart. */
export const GROUP_COLOR_NAMES: Readonly<Record<GroupColor, MessageKey>> = {
  [GROUP_COLORS[0]]: 'fac.groupColor.blue',
  [GROUP_COLORS[1]]: 'fac.groupColor.red',
  [GROUP_COLORS[2]]: 'fac.groupColor.green',
  [GROUP_COLORS[3]]: 'fac.groupColor.purple',
  [GROUP_COLORS[4]]: 'fac.groupColor.amber',
  [GROUP_COLORS[5]]: 'fac.groupColor.teal',
  [GROUP_COLORS[6]]: 'fac.groupColor.magenta',
  [GROUP_COLORS[7]]: 'fac.groupColor.olive',
} as Record<GroupColor, MessageKey>;
