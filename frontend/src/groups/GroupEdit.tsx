import { Edit, TopToolbar, useRecordContext } from 'react-admin';
import type { Group } from './api';
import { DeleteGroupButton } from './DeleteGroupButton';
import { GroupForm } from './GroupForm';

const Title = () => {
  const record = useRecordContext<Group>();
  return <>{record ? `Group ${record.name}` : 'Group'}</>;
};

export const GroupEdit = () => (
  <Edit
    title={<Title />}
    redirect="list"
    mutationMode="pessimistic"
    actions={
      <TopToolbar>
        <DeleteGroupButton />
      </TopToolbar>
    }
  >
    <GroupForm submitLabel="Save" />
  </Edit>
);
