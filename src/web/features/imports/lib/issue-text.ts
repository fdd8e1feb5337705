import type { ImportIssue } from '../../../../shared/imports';

// The import reports each problem as "Indonesian / English" in one string.
export function splitIssueMessage(message: string): { id: string; en: string | null } {
  const at = message.lastIndexOf(' / ');
  if (at < 0) return { id: message, en: null };
  return { id: message.slice(0, at), en: message.slice(at + 3) };
}

export type IssueSort = { key: 'row' | 'column'; descending: boolean };

export function sortIssues(issues: readonly ImportIssue[], sort: IssueSort): ImportIssue[] {
  const sign = sort.descending ? -1 : 1;
  return [...issues].sort((a, b) => {
    const primary = sort.key === 'row' ? a.row - b.row : a.column.localeCompare(b.column);
    const secondary = sort.key === 'row' ? a.column.localeCompare(b.column) : a.row - b.row;
    return sign * (primary !== 0 ? primary : secondary);
  });
}

export function countIssueRows(issues: readonly ImportIssue[]): number {
  return new Set(issues.map((issue) => issue.row)).size;
}
