import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../shared/roles';
import { CreateUserSchema, UpdateUserSchema, type CreateUserInput, type UpdateUserInput, type UserView } from '../../../../shared/users';
import type { FieldErrors } from '../../../lib/form-errors';
import { notifySuccess } from '../../../lib/notify';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { useCreateUser, useRefetchUsers, useUpdateUser } from '../api/use-users';
import { adminIssueMessage, adminServerErrors } from '../lib/form-errors';

export type UserFormValues = { name: string; email: string; role: Role; unitId: string | null; password: string; invite: boolean; isActive: boolean };
const FIELDS = ['name', 'email', 'role', 'unitId', 'password', 'isActive'] as const;

function valuesOf(user: UserView | null): UserFormValues {
  if (!user) return { name: '', email: '', role: 'opd', unitId: null, password: '', invite: false, isActive: true };
  return { name: user.name, email: user.email, role: user.role, unitId: user.unitId, password: '', invite: false, isActive: user.isActive };
}

export function useUserForm(user: UserView | null, onDone: () => void) {
  const { t } = useTranslation('admin');
  const create = useCreateUser();
  const update = useUpdateUser();
  const refetch = useRefetchUsers();
  const [version, setVersion] = useState(user?.version ?? 1);
  const [isReloading, setIsReloading] = useState(false);
  const mutation = user ? update : create;
  // The shared schemas check the form first; an OPD user without an OPD is refused here as on the server.
  const form = useSchemaForm<UserFormValues, CreateUserInput | UpdateUserInput>({
    schema: user ? UpdateUserSchema : CreateUserSchema,
    defaultValues: valuesOf(user),
    toBody: (values) =>
      user
        ? { name: values.name, role: values.role, unitId: values.unitId, isActive: values.isActive, version }
        : { name: values.name, email: values.email, role: values.role, unitId: values.unitId, ...(values.invite ? { invite: true } : { password: values.password }) },
    check: (values): FieldErrors => (values.role === 'opd' && !values.unitId ? { unitId: t('users.errors.unitRequired') } : {}),
    messageOf: adminIssueMessage,
    serverErrorsOf: adminServerErrors(FIELDS),
  });

  // After a 409: the row as it now stands, with its new version.
  const reload = async () => {
    setIsReloading(true);
    try {
      const fresh = (await refetch()).find((row) => row.id === user?.id) ?? null;
      form.reset(valuesOf(fresh));
      setVersion(fresh?.version ?? 1);
      mutation.reset();
    } finally {
      setIsReloading(false);
    }
  };

  const submit = form.submit((body, values) => {
    const name = values.name.trim();
    const callbacks = {
      onSuccess: () => {
        notifySuccess(user ? t('users.saved', { name }) : t(values.invite ? 'users.createdInvited' : 'users.created', { name, email: values.email.trim() }));
        onDone();
      },
      onError: form.showServerErrors,
    };
    if (user) update.mutate({ id: user.id, input: UpdateUserSchema.parse(body) }, callbacks);
    else create.mutate(CreateUserSchema.parse(body), callbacks);
  });

  return { values: form.values, set: form.set, fieldError: form.error, hasFieldErrors: form.hasErrors, submit, reload, isReloading, error: mutation.error, isPending: mutation.isPending };
}
