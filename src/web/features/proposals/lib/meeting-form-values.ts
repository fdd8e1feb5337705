import type { CreateMeetingInput, MeetingAttendee, MeetingView } from '../../../../shared/proposal-reviews';

// What the meeting form holds: attendees and decisions one per line, follow-ups as rows.
export type FollowUpRow = { text: string; owner: string; dueDate: string; done: boolean };
export type MeetingFormValues = { heldAt: string; place: string; link: string; attendees: string; minutes: string; decisions: string; followUps: FollowUpRow[] };

// Meetings are held in Ternate: the form shows and takes WIT (UTC+9) whatever the browser's zone.
const WIT_OFFSET_MS = 9 * 60 * 60 * 1000;

export function heldAtFromLocal(local: string): string {
  return local ? `${local}:00+09:00` : '';
}

export function localFromHeldAt(heldAt: string): string {
  return new Date(Date.parse(heldAt) + WIT_OFFSET_MS).toISOString().slice(0, 16);
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

export function emptyMeetingValues(): MeetingFormValues {
  return { heldAt: '', place: '', link: '', attendees: '', minutes: '', decisions: '', followUps: [] };
}

export const emptyFollowUp = (): FollowUpRow => ({ text: '', owner: '', dueDate: '', done: false });

export function meetingValuesFromView(meeting: MeetingView): MeetingFormValues {
  return {
    heldAt: localFromHeldAt(meeting.heldAt),
    place: meeting.place ?? '',
    link: meeting.link ?? '',
    attendees: meeting.attendees.map((attendee) => attendee.name).join('\n'),
    minutes: meeting.minutes ?? '',
    decisions: meeting.decisions.join('\n'),
    followUps: meeting.followUps.map((item) => ({ text: item.text, owner: item.owner, dueDate: item.dueDate ?? '', done: item.done })),
  };
}

// An attendee whose name is kept keeps the role and the user account recorded with it.
export function meetingBodyFromValues(values: MeetingFormValues, previousAttendees: readonly MeetingAttendee[] = []): CreateMeetingInput {
  return {
    heldAt: heldAtFromLocal(values.heldAt),
    place: values.place.trim() || null,
    link: values.link.trim() || null,
    attendees: lines(values.attendees).map((name) => previousAttendees.find((attendee) => attendee.name === name) ?? { name }),
    minutes: values.minutes.trim() || null,
    decisions: lines(values.decisions),
    followUps: values.followUps.map((item) => ({ text: item.text, owner: item.owner, dueDate: item.dueDate || null, done: item.done })),
  };
}
