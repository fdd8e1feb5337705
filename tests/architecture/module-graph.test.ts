import path from 'node:path';
import { parseCircular, parseDependencyTree, type DependencyTree } from 'dpdm';
import { beforeAll, describe, expect, it } from 'vitest';
import { locate, MODULE_LAYERS } from '../../eslint/module-boundaries.js';

// The import graph of the server, read by dpdm with type-only imports left out (they vanish at
// run time). Lint (eslint/module-boundaries.js) checks each import as it is written; this checks
// the graph as a whole, so that no way round the rule leaves a cycle.
const ROOT = path.resolve(import.meta.dirname, '../..');
let tree: DependencyTree;

type Edge = { from: string; to: string; file: string; target: string };

function moduleEdges(): Edge[] {
  const edges: Edge[] = [];
  for (const [file, dependencies] of Object.entries(tree)) {
    const from = locate(path.resolve(ROOT, file));
    if (!from.module || !dependencies) continue;
    for (const dependency of dependencies) {
      if (!dependency.id) continue;
      const to = locate(path.resolve(ROOT, dependency.id));
      if (!to.module || to.module === from.module) continue;
      // A foreign key names the other module's table: a fact of the schema, not a call.
      if (from.role === 'table' && to.role === 'table') continue;
      edges.push({ from: from.module, to: to.module, file, target: dependency.id });
    }
  }
  return edges;
}

// Every cycle's modules (strongly connected components of more than one module), by Tarjan.
function moduleCycles(edges: Edge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const edge of edges) next.set(edge.from, (next.get(edge.from) ?? new Set()).add(edge.to));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node) ?? 0);
    stack.push(node);
    for (const other of next.get(node) ?? []) {
      if (!index.has(other)) {
        visit(other);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(other) ?? 0));
      } else if (stack.includes(other)) low.set(node, Math.min(low.get(node) ?? 0, index.get(other) ?? 0));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member) component.push(member);
      } while (member && member !== node);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const node of next.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

describe('the server import graph', () => {
  beforeAll(async () => {
    tree = await parseDependencyTree(['src/server/**/*.ts', 'src/server/**/*.tsx'], {
      context: ROOT,
      transform: true,
      exclude: /node_modules|\.test\.tsx?$|\.test-support\.ts$/,
    });
  }, 120_000);

  it('has no cycle between files', () => {
    expect(parseCircular(tree)).toEqual([]);
  });

  it('has no cycle between modules', () => {
    const edges = moduleEdges();
    const cycles = moduleCycles(edges).map((members) => ({
      members,
      through: edges.filter((edge) => members.includes(edge.from) && members.includes(edge.to)).map((edge) => `${edge.file} → ${edge.target}`),
    }));
    expect(cycles).toEqual([]);
  });

  it('lets every module depend only on modules below it in MODULE_LAYERS', () => {
    const modules = new Set(moduleEdges().flatMap((edge) => [edge.from, edge.to]));
    expect([...modules].filter((module) => !MODULE_LAYERS.includes(module))).toEqual([]);
    const upward = moduleEdges().filter((edge) => MODULE_LAYERS.indexOf(edge.to) >= MODULE_LAYERS.indexOf(edge.from));
    expect(upward.map((edge) => `${edge.file} → ${edge.target}`)).toEqual([]);
  });

  it('reads the graph it checks (a known import is in it)', () => {
    const edges = moduleEdges();
    expect(edges.some((edge) => edge.from === 'proposals' && edge.to === 'agreements')).toBe(true);
  });
});
