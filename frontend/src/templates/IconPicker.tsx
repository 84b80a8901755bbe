// The catalog item editor's icon field: a list of exactly the icons the catalog draws (each shown
// beside its name; typing filters them), or an https:// image URL typed in. Anything else is marked
// on the field as it is typed, by the rule the server refuses it with (catalogIconProblem, @superfluid/dialogs).
import { Autocomplete, Box, InputAdornment, TextField } from '@mui/material';
import { catalogIconProblem } from '@superfluid/dialogs';
import { CATALOG_ICONS, CatalogIcon } from '../catalog/CatalogIcon';

const NAMES = CATALOG_ICONS.map((i) => i.name);
const BY_NAME = new Map(CATALOG_ICONS.map((i) => [i.name as string, i.Icon]));

export const IconPicker = ({
  value,
  type,
  onChange,
}: {
  value: string | undefined;
  /** The item's type: what an empty icon shows. */
  type: string;
  onChange: (icon: string | undefined) => void;
}) => {
  const icon = value?.trim() ?? '';
  // The server's rule, checked as the user types (a refused save names the same problem).
  const problem = icon ? catalogIconProblem(icon) : null;
  return (
    <Autocomplete
      freeSolo
      autoHighlight
      options={NAMES}
      value={icon || null}
      onChange={(_, chosen) => onChange(chosen?.trim() || undefined)}
      inputValue={value ?? ''}
      onInputChange={(_, text, reason) => {
        if (reason === 'input' || reason === 'clear') onChange(text || undefined);
      }}
      renderOption={({ key, ...props }, name) => {
        const Icon = BY_NAME.get(name);
        return (
          <Box component="li" key={key} {...props} data-testid="icon-option" data-icon={name} sx={{ gap: 1.5 }}>
            {Icon && <Icon fontSize="small" />}
            {name}
          </Box>
        );
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          size="small"
          label="Icon"
          error={!!problem}
          helperText={problem ?? `One of ${NAMES.length} icons (type to filter), or an https:// image URL; empty: the type's icon`}
          slotProps={{
            ...params.slotProps,
            input: {
              ...params.slotProps.input,
              startAdornment: (
                <InputAdornment position="start" data-testid="icon-preview">
                  <CatalogIcon icon={problem ? null : icon || null} type={type} size={24} />
                </InputAdornment>
              ),
            },
            htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'icon-input' },
          }}
        />
      )}
    />
  );
};
