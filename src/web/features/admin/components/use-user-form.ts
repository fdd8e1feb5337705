import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../shared/roles';
import { CreateUserSchema, UpdateUserSchema, type UserView } from '../../../../shared/users';
import { notifySuccess } from '../../../lib/notify';
import { useCreateUser, useRefetchUsers, useUpdateUser } from '../api/use-users';
import { apiFieldError, zodFieldErrors, type FieldErrors } from '../lib/form-errors';

export type UserFormValues = { name: string; email: string; role: Role; unitId: string | null; password: string; isActive: boolean };
const FIELDS = ['name', 'email', 'role', 'unitId', 'password', 'isActive'] as const;

function valuesOf(user: UserView | null): UserFormValues {
  if (!user) return { name: '', email: '', role: 'opd', unitId: null, password: '', isActive: true };
  return { name: user.name, email: user.email, role: user.role, unitId: user.unitId, password: '', isActive: user.isActive };
}

// The shared schemas check the form first; an OPD user without an OPD is refused here as on the server.
function check(user: UserView | null, values: UserFormValues, version: number, unitMissing: string) {
  const parsed = user
    ? UpdateUserSchema.safeParse({ name: values.name, role: values.role, unitId: values.unitId, isActive: values.isActive, version })
    : CreateUserSchema.safeParse({ name: values.name, email: values.email, role: values.role, unitId: values.unitId, password: values.password });
  const errors = parsed.success ? {} : zodFieldErrors(parsed.error);
  if (values.role === 'opd' && !values.unitId) errors.unitId ??= unitMissing;
  return { parsed, errors };
}

export function useUserForm(user: UserView | null, onDone: () => void) {
  const { t } = useTranslation('admin');
  const create = useCreateUser();
  const update = useUpdateUser();
  const refetch = useRefetchUsers();
  const [values, setValues] = useState<UserFormValues>(() => valuesOf(user));
  const [version, setVersion] = useState(user?.version ?? 1);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [isReloading, setIsReloading] = useState(false);
  const mutation = user ? update : create;

  const set = <K extends keyof UserFormValues>(key: K, value: UserFormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: undefined }));
  };

  // After a 409: the row as it now stands, with its new version.
  const reload = async () => {
    setIsReloading(true);
    try {
      const fresh = (await refetch()).find((row) => row.id === user?.id) ?? null;
      setValues(valuesOf(fresh));
      setVersion(fresh?.version ?? 1);
      setErrors({});
      mutation.reset();
    } finally {
      setIsReloading(false);
    }
  };

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const { parsed, errors: found } = check(user, values, version, t('users.errors.unitRequired'));
    if (!parsed.success || Object.keys(found).length > 0) return setErrors(found);
    const name = values.name.trim();
    const callbacks = {
      onSuccess: () => {
        notifySuccess(user ? t('users.saved', { name }) : t('users.created', { name }));
        onDone();
      },
      onError: (error: unknown) => {
        const fieldError = apiFieldError(error, FIELDS);
        if (fieldError) setErrors({ [fieldError.field]: fieldError.message });
      },
    };
    if (user) update.mutate({ id: user.id, input: UpdateUserSchema.parse(parsed.data) }, callbacks);
    else create.mutate(CreateUserSchema.parse(parsed.data), callbacks);
  };

  return { values, set, errors, submit, reload, isReloading, error: mutation.error, isPending: mutation.isPending };
}
