// One OPD, whatever the capitals and spacing of its name: what the import and the command line match by.
export function unitKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}
