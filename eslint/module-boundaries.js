// The server's module boundaries as lint rules (docs/decisions/0014-module-boundaries.md).
// A module is a folder of src/server/modules; its files say their role by suffix
// (`agreements.repository.ts` → repository). What another module may import of it, and which way
// modules may depend on each other, is decided here once.
import path from 'node:path';

const MODULES_DIR = path.resolve(import.meta.dirname, '../src/server/modules');

// Low → high: a module imports only modules before it, so the modules can never form a cycle.
// Foundations first (the audit log and the mail outbox everybody writes, settings, the
// organisation's units, the accounts), then the register and what is built on it.
export const MODULE_LAYERS = [
  'audit',
  'mail',
  'settings',
  'units',
  'users',
  'auth',
  'master',
  'notifications',
  'partners',
  'agreements',
  'documents',
  'procedures',
  'proposals',
  'dissemination',
  'plans',
  'realisation',
  'monitoring',
  'evaluation',
  'renewal',
  'agreement-health',
  'home',
  'imports',
  'intake',
  'search',
  'stats',
  'impact-study',
  'annual-report',
  'leadership',
  'digest',
  'public',
  'backup',
  'health',
];

// What a module offers the others: its use cases, its access rules and its pure rules.
const PUBLIC_ROLES = new Set(['service', 'policy', 'rules']);
// The composition roots (the app, the route table, the process entry, its background jobs and the
// CLI) also mount the modules' routes and start their scheduled jobs.
const ROOT_ROLES = new Set([...PUBLIC_ROLES, 'routes', 'schedule']);
const ROOTS = new Set(['app', 'routes', 'main', 'background-jobs', 'cli-program']);
const EXEMPT_ROLES = new Set(['test', 'test-support']);
const WRITES = new Set(['insert', 'update', 'delete']);

// Where a file sits: its module (null outside the modules) and its role suffix.
export function locate(file) {
  const relative = path.relative(MODULES_DIR, file);
  const base = path.basename(file).replace(/\.(ts|tsx|js|mjs)$/, '');
  const role = base.includes('.') ? base.slice(base.lastIndexOf('.') + 1) : '';
  if (relative.startsWith('..') || path.isAbsolute(relative)) return { module: null, role, base };
  const parts = relative.split(path.sep);
  return { module: parts.length > 1 ? parts[0] : null, role, base };
}

function layerOf(module) {
  const index = MODULE_LAYERS.indexOf(module);
  return index === -1 ? MODULE_LAYERS.length : index;
}

function targetOf(context, source) {
  if (typeof source !== 'string' || !source.startsWith('.')) return null;
  const resolved = path.resolve(path.dirname(context.filename), source);
  const target = locate(resolved);
  return target.module ? target : null;
}

// Why an import from `from` to `target` crosses a boundary, or null when it may.
function violation(from, target, isTypeOnly) {
  if (from.module === target.module) {
    if (from.role === 'repository' && target.role === 'service') return 'A repository never calls a service: the service passes what the query needs.';
    return null;
  }
  // Foreign keys name the other module's table; the schema index lists every table.
  if (target.role === 'table' && (from.role === 'table' || (from.module === null && from.base === 'schema'))) return null;
  if (from.module === null) {
    const allowed = ROOTS.has(from.base) ? ROOT_ROLES : PUBLIC_ROLES;
    if (allowed.has(target.role)) return null;
    return `${target.base} is private to the ${target.module} module: go through its service.`;
  }
  if (layerOf(target.module) >= layerOf(from.module)) {
    return `The ${from.module} module may not depend on ${target.module}, which sits above it (MODULE_LAYERS in eslint/module-boundaries.js).`;
  }
  if (PUBLIC_ROLES.has(target.role)) {
    if (from.role === 'repository' && target.role === 'service') return 'A repository never calls a service: the service passes what the query needs.';
    return null;
  }
  // A repository may read another module's table in a join or a filter; it never writes to it.
  if (target.role === 'table' && from.role === 'repository') return null;
  if (isTypeOnly && target.role === 'table') return null;
  return `${target.base} is private to the ${target.module} module: import its service (or policy, rules) instead.`;
}

const importsRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps each server module to its own tables and repository, and the modules in one direction.' },
    schema: [],
  },
  create(context) {
    const from = locate(context.filename);
    if (EXEMPT_ROLES.has(from.role) || !context.filename.includes(`${path.sep}src${path.sep}server${path.sep}`)) return {};
    // Tables of other modules this repository imported: it may read them, never write.
    const foreignTables = new Set();
    const check = (node, source, isTypeOnly) => {
      const target = targetOf(context, source);
      if (!target) return;
      const problem = violation(from, target, isTypeOnly);
      if (problem) context.report({ node, message: problem });
      else if (from.role === 'repository' && target.role === 'table' && target.module !== from.module && node.type === 'ImportDeclaration') {
        for (const specifier of node.specifiers) foreignTables.add(specifier.local.name);
      }
    };
    return {
      ImportDeclaration(node) {
        check(node, node.source.value, node.importKind === 'type' || (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type')));
      },
      ExportNamedDeclaration(node) {
        if (node.source) check(node, node.source.value, node.exportKind === 'type');
      },
      ExportAllDeclaration(node) {
        check(node, node.source.value, node.exportKind === 'type');
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node, node.source.value, false);
      },
      CallExpression(node) {
        const { callee } = node;
        if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier' || !WRITES.has(callee.property.name)) return;
        const [table] = node.arguments;
        if (table?.type === 'Identifier' && foreignTables.has(table.name)) {
          context.report({ node, message: `${table.name} belongs to another module: write to it through that module's service.` });
        }
      },
    };
  },
};

export const moduleBoundaries = { rules: { imports: importsRule } };
