// A select of tenants, shown by their path ("Root / East"), in tree order: the tenant of a user or a
// group, the parent of a tenant. `exclude` leaves some out (a tenant and those below it, as its parent).
import { SelectInput, type Validator } from 'react-admin';
import { useTenants } from './useTenants';

export const TenantSelectInput = ({
  source,
  label = 'Tenant',
  helperText,
  exclude,
  validate,
}: {
  source: string;
  label?: string;
  helperText?: string;
  exclude?: ReadonlySet<string>;
  validate?: Validator | Validator[];
}) => {
  const { tenants, isPending } = useTenants();
  return (
    <SelectInput
      source={source}
      label={label}
      choices={exclude ? tenants.filter((t) => !exclude.has(t.id)) : tenants}
      optionText="path"
      isPending={isPending}
      helperText={helperText}
      validate={validate}
      fullWidth
    />
  );
};
