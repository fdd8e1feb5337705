import type { PortalLabels } from '../portal-labels';

// A retired sector stays in the list while a filter still names it, so the form shows what is applied.
export function SectorSelect({ sectors, selected }: { sectors: PortalLabels['sectors']; selected: string | undefined }) {
  return (
    <div>
      <label htmlFor="bidang">Bidang</label>
      <select id="bidang" name="bidang" defaultValue={selected ?? ''}>
        <option value="">Semua bidang</option>
        {sectors.filter((sector) => sector.isActive || sector.code === selected).map((sector) => (
          <option key={sector.code} value={sector.code}>
            {sector.name}
          </option>
        ))}
      </select>
    </div>
  );
}
