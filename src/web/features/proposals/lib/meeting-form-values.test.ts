import { describe, expect, it } from 'vitest';
import type { MeetingView } from '../../../../shared/proposal-reviews';
import { meetingBodyFromValues, meetingValuesFromView } from './meeting-form-values';

const meeting: MeetingView = {
  id: '5b0f0c1e-7a8d-4f3e-9a51-1c2d3e4f5a6b',
  proposalId: '6c1a1d2f-8b9e-4a4f-8b62-2d3e4f5a6b7c',
  heldAt: '2026-11-20T00:30:00.000Z',
  place: 'Ruang rapat Setda Kota Ternate',
  link: null,
  attendees: [{ name: 'Ikbal Sangaji', role: 'Ketua TKKSD', userId: '7d2b2e3a-9caf-4b5a-9c73-3e4f5a6b7c8d' }, { name: 'Rahma Hasan' }],
  minutes: 'Usulan dibahas.',
  decisions: ['Ruang lingkup dipersempit'],
  followUps: [{ text: 'Revisi KAK', owner: 'Dinas Koperasi', dueDate: null, done: false }],
  createdBy: null,
  version: 3,
  createdAt: '2026-11-20T02:00:00.000Z',
  updatedAt: '2026-11-20T02:00:00.000Z',
};

describe('meeting form values', () => {
  it('shows the meeting time in WIT and sends it back as the same instant', () => {
    const values = meetingValuesFromView(meeting);
    expect(values.heldAt).toBe('2026-11-20T09:30');
    expect(Date.parse(meetingBodyFromValues(values).heldAt)).toBe(Date.parse(meeting.heldAt));
  });

  it('keeps the role and account of an attendee whose name stays, and adds a new name as a plain attendee', () => {
    const values = { ...meetingValuesFromView(meeting), attendees: 'Ikbal Sangaji\n\n  Sofyan Daud  ' };
    expect(meetingBodyFromValues(values, meeting.attendees).attendees).toEqual([meeting.attendees[0], { name: 'Sofyan Daud' }]);
  });

  it('sends an empty place, minutes and due date as not given', () => {
    const values = { ...meetingValuesFromView(meeting), place: ' ', link: 'https://rapat.ternatekota.go.id/tkksd', minutes: '', followUps: [{ text: 'Revisi KAK', owner: 'Dinas Koperasi', dueDate: '', done: true }] };
    expect(meetingBodyFromValues(values)).toMatchObject({ place: null, link: 'https://rapat.ternatekota.go.id/tkksd', minutes: null, followUps: [{ dueDate: null, done: true }] });
  });
});
