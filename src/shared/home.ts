// What waits for the signed-in person: the home screen of each role (issue 11 part 7). An OPD
// liaison lands on its reports, obligations, evaluations and ending agreements; the TKKSD on the
// reviews and evaluations waiting for it; the division on what waits for its verification.

export const HOME_TASK_KINDS = [
  'report_due',
  'report_returned',
  'report_to_verify',
  'obligation_due',
  'obligation_to_confirm',
  'evaluation_to_answer',
  'agreement_ending',
  'review_waiting',
  'package_to_acknowledge',
] as const;
export type HomeTaskKind = (typeof HOME_TASK_KINDS)[number];

export type HomeTask = {
  kind: HomeTaskKind;
  // What the task is about (a plan, an obligation, an agreement, a proposal) and where it belongs.
  subject: string;
  context: string | null;
  // A period, a return reason, a respondent: what the person needs to know before opening it.
  note: string | null;
  dueOn: string | null;
  late: boolean;
  // The app path (under /app) that opens it.
  link: string;
};

// Tasks grouped by kind, each list cut at HOME_LIST_LIMIT with the full count beside it.
export type HomeGroup = { kind: HomeTaskKind; total: number; tasks: HomeTask[] };
export type HomeView = { on: string; groups: HomeGroup[] };

export const HOME_LIST_LIMIT = 20;
