// Every table, for Drizzle's typed queries and drizzle-kit's migrations.
export * from '../modules/users/users.table';
export * from '../modules/auth/auth.table';
export * from '../modules/units/units.table';
export * from '../modules/master/master.table';
export * from '../modules/partners/partners.table';
export * from '../modules/settings/settings.table';
export * from '../modules/audit/audit.table';
export * from '../modules/agreements/agreements.table';
export * from '../modules/documents/documents.table';
export * from '../modules/imports/imports.table';
export * from '../modules/procedures/procedures.table';
export * from '../modules/proposals/proposals.table';
export * from '../modules/mail/mail.table';
export * from '../modules/notifications/notifications.table';
export * from '../modules/search/search.table';
export * from '../modules/dissemination/dissemination.table';
export * from '../modules/plans/plans.table';
