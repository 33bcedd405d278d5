/**
 * The react-konva components the canvas draws with, on Konva's core and only the shapes used
 * here: the full `konva` package also brings every filter and shape we never draw (about 17 KB
 * of the first screen's JavaScript, gzipped). A new shape kind is registered here first.
 */
import 'konva/lib/shapes/Circle.js';
import 'konva/lib/shapes/Label.js';
import 'konva/lib/shapes/Line.js';
import 'konva/lib/shapes/Path.js';
import 'konva/lib/shapes/Rect.js';
import 'konva/lib/shapes/Star.js';
import 'konva/lib/shapes/Text.js';
import { Layer as KonvaLayer } from 'konva/lib/Layer.js';
import { installLazyHitGraphs, type HitGraphLayer } from './lazyHitGraphs';

// Every layer the app draws leaves its hit graph until a pointer needs it or the page is idle.
installLazyHitGraphs(KonvaLayer.prototype as unknown as HitGraphLayer);

export {
  Circle,
  Group,
  Label,
  Layer,
  Line,
  Path,
  Rect,
  Shape,
  Stage,
  Star,
  Tag,
  Text,
} from 'react-konva/lib/ReactKonvaCore.js';
