import { describe } from 'vitest';
import { actorOf as actor, expectMatrix } from '../../../../tests/support/policy-matrix';
import type { ReportStatus } from '../../../shared/realisation';
import { canReadReports, canReadReportsOf, canVerifyReports, canWriteReport, canWriteReports, reportAbilities, reportReadScope } from './realisation.policy';

const OWN = '11111111-1111-4111-8111-111111111111';
const OTHER = '33333333-3333-4333-8333-333333333333';

const actors = {
  admin: actor('admin'),
  tkksd: actor('tkksd'),
  opdOwn: actor('opd', OWN),
  opdOther: actor('opd', OTHER),
  opdWithoutUnit: actor('opd'),
  pimpinan: actor('pimpinan'),
};
const plan = { unitId: OWN };
const report = (status: ReportStatus) => ({ unitId: OWN, status });

describe('realisation policy: role × action', () => {
  expectMatrix(actors, [
    ['open the reports page', canReadReports, { admin: true, tkksd: true, opdOwn: true, opdOther: true, opdWithoutUnit: false, pimpinan: true }],
    ['write reports at all (the form is offered)', canWriteReports, { admin: true, tkksd: false, opdOwn: true, opdOther: true, opdWithoutUnit: false, pimpinan: false }],
    ['read the reports of a plan', (who) => canReadReportsOf(who, plan), { admin: true, tkksd: true, opdOwn: true, opdOther: false, opdWithoutUnit: false, pimpinan: true }],
    ['read every OPD’s reports (the queue)', (who) => reportReadScope(who).kind === 'all', { admin: true, tkksd: true, opdOwn: false, opdOther: false, opdWithoutUnit: false, pimpinan: true }],
    ['write, submit and upload evidence', (who) => canWriteReport(who, plan), { admin: true, tkksd: false, opdOwn: true, opdOther: false, opdWithoutUnit: false, pimpinan: false }],
    ['verify or return', canVerifyReports, { admin: true, tkksd: false, opdOwn: false, opdOther: false, opdWithoutUnit: false, pimpinan: false }],
    ['edit a draft (ability)', (who) => reportAbilities(who, report('draft')).canEdit, { admin: true, tkksd: false, opdOwn: true, opdOther: false, opdWithoutUnit: false, pimpinan: false }],
    ['correct a returned report (ability)', (who) => reportAbilities(who, report('returned')).canSubmit, { admin: true, tkksd: false, opdOwn: true, opdOther: false, opdWithoutUnit: false, pimpinan: false }],
    ['edit or add evidence to a submitted report (ability)', (who) => reportAbilities(who, report('submitted')).canEdit || reportAbilities(who, report('submitted')).canUploadEvidence, { admin: false, tkksd: false, opdOwn: false, opdOther: false, opdWithoutUnit: false, pimpinan: false }],
    ['verify a submitted report (ability)', (who) => reportAbilities(who, report('submitted')).canVerify, { admin: true, tkksd: false, opdOwn: false, opdOther: false, opdWithoutUnit: false, pimpinan: false }],
    ['verify a draft (ability)', (who) => reportAbilities(who, report('draft')).canVerify, { admin: false, tkksd: false, opdOwn: false, opdOther: false, opdWithoutUnit: false, pimpinan: false }],
  ]);
});
