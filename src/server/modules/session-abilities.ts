import type { Abilities } from '../../shared/abilities';
import type { Actor } from '../lib/context';
import { canCreateAgreement, canEditAgreement } from './agreements/agreements.policy';
import { canPreparePackage, canReadTracking, canRecordEvent } from './dissemination/dissemination.policy';
import { canManageEvaluations } from './evaluation/evaluation.policy';
import { canReadImpactStudy } from './impact-study/impact-study.policy';
import { canImport } from './imports/imports.policy';
import { canUseIntake } from './intake/intake.policy';
import { canReadLeadershipDashboard, startsOnLeadershipDashboard } from './leadership/leadership.policy';
import { canWriteObligations } from './monitoring/obligations.policy';
import { canReadStatutoryReports } from './annual-report/annual-report.policy';
import { canEditMasterData } from './master/master.policy';
import { canEditPartners } from './partners/partners.policy';
import { canReadAllPlans, canReadGap, canReadInbox } from './plans/plans.policy';
import { canReadReports, canWriteReports } from './realisation/realisation.policy';
import { canEditProcedures } from './procedures/procedures.policy';
import { canChooseProposalUnit, canFilterProposalsByUnit, canStartProposal, seesAssignedProposalsOnly } from './proposals/core/proposals.policy';
import { canEditDraftTemplates } from './proposals/signing/signing.policy';
import { canEditSettings } from './settings/settings.policy';
import { canManageUsers } from './users/users.policy';

// What a signed-in user may do across the app, each answered by the policy that guards the same act
// on the server. The auth module sits below most of these, so modules/routes.ts hands this to it.
export function sessionAbilities(actor: Actor): Abilities {
  return {
    'agreements.create': canCreateAgreement(actor),
    'agreements.edit': canEditAgreement(actor),
    'registry.import': canImport(actor),
    'registry.intake': canUseIntake(actor),
    'partners.merge': canEditPartners(actor),
    'proposals.create': canStartProposal(actor),
    'proposals.chooseUnit': canChooseProposalUnit(actor),
    'proposals.filterByUnit': canFilterProposalsByUnit(actor),
    'proposals.reviewAssignedOnly': seesAssignedProposalsOnly(actor),
    'dissemination.prepare': canPreparePackage(actor),
    'dissemination.track': canReadTracking(actor),
    'dissemination.recordEvents': canRecordEvent(actor),
    'plans.inbox': canReadInbox(actor),
    'plans.gap': canReadGap(actor),
    'plans.all': canReadAllPlans(actor),
    'realisation.reports': canReadReports(actor),
    'realisation.write': canWriteReports(actor),
    'evaluation.manage': canManageEvaluations(actor),
    'obligations.write': canWriteObligations(actor),
    'reports.statutory': canReadStatutoryReports(actor),
    'impactStudy.read': canReadImpactStudy(actor),
    'leadership.dashboard': canReadLeadershipDashboard(actor),
    'leadership.landing': startsOnLeadershipDashboard(actor),
    'admin.users': canManageUsers(actor),
    'admin.master': canEditMasterData(actor),
    'admin.procedures': canEditProcedures(actor),
    'admin.draftTemplates': canEditDraftTemplates(actor),
    'admin.settings': canEditSettings(actor),
  };
}
