import { describe, expect, it } from 'vitest';
import { installLazyHitGraphs, type HitGraphLayer } from './lazyHitGraphs';

/** A layer that records what it drew: its scene, and its hit graph with the shapes it held then. */
function fakeLayerClass() {
  const log: string[] = [];
  class FakeLayer implements HitGraphLayer {
    shapes = 'a';
    hitGraph = '';
    onStage = true;
    constructor(readonly name: string) {}
    draw() {
      this.drawScene();
      this.drawHit();
      return this;
    }
    drawScene() {
      log.push(`${this.name}:scene`);
    }
    drawHit(canvas?: unknown) {
      if (canvas === undefined) this.hitGraph = this.shapes;
      log.push(`${this.name}:hit${canvas === undefined ? '' : ':cache'}`);
    }
    getIntersection() {
      return this.hitGraph;
    }
    getStage() {
      return this.onStage ? {} : null;
    }
  }
  const idle: (() => void)[] = [];
  const api = installLazyHitGraphs(FakeLayer.prototype, (fn) => idle.push(fn));
  return { FakeLayer, log, idle, api };
}

describe('lazy hit graphs: a layer paints its scene now and its hit graph when idle or asked', () => {
  it('draws only the scene when drawn, and the hit graph when the page is idle', () => {
    const { FakeLayer, log, idle } = fakeLayerClass();
    const layer = new FakeLayer('notes');
    layer.draw();
    expect(log).toEqual(['notes:scene']);
    expect(idle).toHaveLength(1);
    idle.shift()?.();
    expect(log).toEqual(['notes:scene', 'notes:hit']);
  });

  it('never answers a pointer from an old hit graph: asking draws a stale one first', () => {
    const { FakeLayer, log } = fakeLayerClass();
    const layer = new FakeLayer('notes');
    layer.draw();
    layer.shapes = 'a+b';
    layer.draw();
    expect(layer.getIntersection()).toBe('a+b');
    expect(log.filter((l) => l === 'notes:hit')).toHaveLength(1);
    // Fresh now: asking again draws nothing more.
    expect(layer.getIntersection()).toBe('a+b');
    expect(log.filter((l) => l === 'notes:hit')).toHaveLength(1);
  });

  it('draws each stale layer once per idle period, however often it was drawn, and skips layers taken off the stage', () => {
    const { FakeLayer, log, idle, api } = fakeLayerClass();
    const notes = new FakeLayer('notes');
    const sheet = new FakeLayer('sheet');
    const gone = new FakeLayer('gone');
    for (let i = 0; i < 5; i++) notes.draw();
    sheet.draw();
    gone.draw();
    gone.onStage = false;
    expect(idle).toHaveLength(1);
    expect(api.staleCount()).toBe(3);
    idle.shift()?.();
    expect(log.filter((l) => l.endsWith(':hit'))).toEqual(['notes:hit', 'sheet:hit']);
    expect(api.staleCount()).toBe(0);
  });

  it('a hit graph drawn directly (as after a pan) is fresh; one drawn into a picture is not the layer’s', () => {
    const { FakeLayer, log, api } = fakeLayerClass();
    const layer = new FakeLayer('notes');
    layer.draw();
    layer.drawHit({});
    expect(api.staleCount()).toBe(1);
    layer.drawHit();
    expect(api.staleCount()).toBe(0);
    layer.getIntersection();
    expect(log.filter((l) => l === 'notes:hit')).toHaveLength(1);
  });

  it('installing twice keeps one installation', () => {
    const { FakeLayer, log, idle } = fakeLayerClass();
    installLazyHitGraphs(FakeLayer.prototype, (fn) => idle.push(fn));
    new FakeLayer('notes').draw();
    expect(log).toEqual(['notes:scene']);
    expect(idle).toHaveLength(1);
  });
});
