import { describe } from 'vitest';
import { actorOf as actor, expectMatrix } from '../../../../tests/support/policy-matrix';
import { canConfirmObligation, canMarkOccurrenceMet, canReadObligations, canReopenOccurrence, canWaiveOccurrence, canWriteObligations } from './obligations.policy';

const LEAD = '11111111-1111-4111-8111-111111111111';
const SUPPORTING = '22222222-2222-4222-8222-222222222222';
const OTHER = '33333333-3333-4333-8333-333333333333';

const actors = {
  admin: actor('admin'),
  tkksd: actor('tkksd'),
  opdLead: actor('opd', LEAD),
  opdSupporting: actor('opd', SUPPORTING),
  opdOther: actor('opd', OTHER),
  opdWithoutUnit: actor('opd'),
  pimpinan: actor('pimpinan'),
};
const agreement = { unitIds: [LEAD, SUPPORTING], leadUnitIds: [LEAD] };

describe('obligations policy: role × action', () => {
  expectMatrix(actors, [
    ['read an agreement’s obligations', (who) => canReadObligations(who, agreement), { admin: true, tkksd: true, opdLead: true, opdSupporting: true, opdOther: false, opdWithoutUnit: false, pimpinan: true }],
    ['create, edit, meet or waive an obligation', canWriteObligations, { admin: true, tkksd: false, opdLead: false, opdSupporting: false, opdOther: false, opdWithoutUnit: false, pimpinan: false }],
    ['confirm the partner’s obligation', (who) => canConfirmObligation(who, { party: 'partner', ...agreement }), { admin: false, tkksd: false, opdLead: true, opdSupporting: false, opdOther: false, opdWithoutUnit: false, pimpinan: false }],
    ['confirm the city’s obligation', (who) => canConfirmObligation(who, { party: 'city', ...agreement }), { admin: false, tkksd: false, opdLead: false, opdSupporting: false, opdOther: false, opdWithoutUnit: false, pimpinan: false }],
    ['mark met an occurrence the lead OPD carries for the city', (who) => canMarkOccurrenceMet(who, { party: 'city', unitId: LEAD, ...agreement }), { admin: true, tkksd: false, opdLead: true, opdSupporting: false, opdOther: false, opdWithoutUnit: false, pimpinan: false }],
    ['mark met an occurrence a supporting OPD carries', (who) => canMarkOccurrenceMet(who, { party: 'city', unitId: SUPPORTING, ...agreement }), { admin: true, tkksd: false, opdLead: false, opdSupporting: false, opdOther: false, opdWithoutUnit: false, pimpinan: false }],
    ['mark met an occurrence of the partner’s obligation', (who) => canMarkOccurrenceMet(who, { party: 'partner', unitId: null, ...agreement }), { admin: true, tkksd: false, opdLead: false, opdSupporting: false, opdOther: false, opdWithoutUnit: false, pimpinan: false }],
    ['waive an occurrence', canWaiveOccurrence, { admin: true, tkksd: false, opdLead: false, opdSupporting: false, opdOther: false, opdWithoutUnit: false, pimpinan: false }],
    ['reopen an occurrence', canReopenOccurrence, { admin: true, tkksd: false, opdLead: false, opdSupporting: false, opdOther: false, opdWithoutUnit: false, pimpinan: false }],
  ]);
});
