import { Stack } from '@mantine/core';
import type { AgreementStatus } from '../../shared/agreement-codes';
import { EvaluationSection } from '../features/evaluation/components/evaluation-section';
import { ObligationsSection } from '../features/obligations/components/obligations-section';
import { RenewalPanel } from '../features/renewal/components/renewal-panel';

type Props = { agreementId: string; isDraft: boolean; status: AgreementStatus; version: number };

// Sections other features add to the agreement page. A feature never imports another
// (eslint.config.js), so the app, which knows them all, puts them together here. The renewal panel
// is for agreements in force only (the server decides nothing else).
export function AgreementEvaluationTab({ agreementId, isDraft, status, version }: Props) {
  const isInForce = !isDraft && (status === 'aktif' || status === 'akan_berakhir');
  return (
    <Stack>
      {isInForce ? <RenewalPanel agreementId={agreementId} agreementVersion={version} /> : null}
      <EvaluationSection agreementId={agreementId} isDraft={isDraft} />
    </Stack>
  );
}

type ObligationsProps = { agreementId: string; units: { id: string; name: string }[] };

// The obligations of the parties; who may add them is the session's obligations.write ability.
export function AgreementObligationsTab({ agreementId, units }: ObligationsProps) {
  return <ObligationsSection agreementId={agreementId} units={units} />;
}
