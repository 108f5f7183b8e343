import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  catalogApiRef,
  humanizeEntityRef,
} from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';

interface Option {
  ref: string;
  label: string;
}

/** The catalog's entities of `kind`, as picker options. */
function useOptions(kind: 'component' | 'user') {
  const catalogApi = useApi(catalogApiRef);
  const { value, loading, error } = useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind },
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.title'],
    });
    return items
      .map(entity => ({
        ref: stringifyEntityRef(entity),
        label:
          entity.metadata.title ??
          humanizeEntityRef(entity, { defaultKind: kind }),
      }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [catalogApi, kind]);
  return { options: value ?? [], loading, error };
}

/** A ref not (or not yet) in the options still shows as itself. */
function toOption(ref: string, options: Option[]): Option {
  return options.find(o => o.ref === ref) ?? { ref, label: ref };
}

interface CommonProps {
  kind: 'component' | 'user';
  label: string;
  disabled?: boolean;
  testId?: string;
}

/** Picks one catalog entity of `kind`; `undefined` when cleared. */
export function EntityPicker(
  props: CommonProps & {
    value?: string;
    onChange: (ref: string | undefined) => void;
  },
) {
  const { kind, label, value, onChange, disabled, testId } = props;
  const { options, loading, error } = useOptions(kind);
  return (
    <Autocomplete<Option>
      options={options}
      loading={loading}
      disabled={disabled}
      value={value ? toOption(value, options) : null}
      getOptionLabel={o => o.label}
      getOptionSelected={(a, b) => a.ref === b.ref}
      onChange={(_e, option) => onChange(option?.ref)}
      renderInput={params => (
        <TextField
          {...params}
          label={label}
          margin="dense"
          variant="outlined"
          error={Boolean(error)}
          helperText={error?.message}
          inputProps={{ ...params.inputProps, 'data-testid': testId }}
        />
      )}
    />
  );
}

/** Picks several catalog entities of `kind`. */
export function EntitiesPicker(
  props: CommonProps & {
    value: string[];
    onChange: (refs: string[]) => void;
  },
) {
  const { kind, label, value, onChange, disabled, testId } = props;
  const { options, loading, error } = useOptions(kind);
  return (
    <Autocomplete<Option, true>
      multiple
      options={options}
      loading={loading}
      disabled={disabled}
      value={value.map(ref => toOption(ref, options))}
      getOptionLabel={o => o.label}
      getOptionSelected={(a, b) => a.ref === b.ref}
      onChange={(_e, selected) => onChange(selected.map(o => o.ref))}
      renderInput={params => (
        <TextField
          {...params}
          label={label}
          margin="dense"
          variant="outlined"
          error={Boolean(error)}
          helperText={error?.message}
          inputProps={{ ...params.inputProps, 'data-testid': testId }}
        />
      )}
    />
  );
}
