import { createContext, useContext, type ReactNode } from 'react';
import { Alert, Checkbox, Col, DatePicker, Form, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { fromDay, placeFieldErrors, useSave, useSubmit, type StepIssue } from './collection-data';

export const LOCKED_NOTE = '红框内容不可编辑（原始信息有误的请删除后新增）';

/** What the education and work steps hand to their 新增/编辑 modal. */
export interface EntryEditorProps<T> {
  /** null: 新增 */
  entry: T | null;
  issues: ReadonlyArray<StepIssue>;
  today: string;
  onClose: () => void;
  onSaved: (entryId: string | null) => void;
}

export type EntryKind = 'education' | 'work';

/**
 * 信息变更 uses the collection's entry lists and modals with the same fields and rules, but 保存 and
 * 删除 submit change requests (新增, 变更, 变更删除) that the department decides. Without this context
 * they edit the collection draft.
 */
export interface EntryChangeMode {
  save: (kind: EntryKind, entryId: string | null, body: unknown) => Promise<void>;
  remove: (kind: EntryKind, entryId: string) => Promise<void>;
}
export const EntryChangeContext = createContext<EntryChangeMode | null>(null);

/** The words of the list and modal: 编辑/删除 in collection, 变更/变更删除 in 信息变更. */
export function useEntryWords() {
  const change = useContext(EntryChangeContext) !== null;
  return change
    ? {
        change,
        edit: '变更',
        remove: '变更删除',
        confirmRemove: (noun: string) => `确定提交删除该${noun}的变更申请吗？审核通过后该${noun}将被删除`,
        saved: (noun: string) => `${noun}变更已提交，等待所属会计管理部门审核`,
        removed: (noun: string) => `删除该${noun}的变更已提交，等待所属会计管理部门审核`,
      }
    : {
        change,
        edit: '编辑',
        remove: '删除',
        confirmRemove: (noun: string) => `确定删除该${noun}吗？`,
        saved: (noun: string) => `${noun}已保存`,
        removed: (noun: string) => `已删除该${noun}`,
      };
}

interface LockableEntry {
  id: string;
  legacy: boolean;
  lockedFields: ReadonlyArray<string>;
}

/**
 * The state and plumbing an entry modal needs: the form, the fields a legacy entry keeps locked,
 * the 提交审核 problems put beside their fields, and the POST (新增) or PUT (编辑) of the entry.
 */
export function useEntryEditor<F extends object>(
  kind: EntryKind,
  { entry, issues, today, onSaved }: Omit<EntryEditorProps<LockableEntry>, 'onClose'>,
  fields: { names: ReadonlyArray<keyof F>; alias: Readonly<Record<string, keyof F>> },
) {
  const [form] = Form.useForm<F>();
  const save = useSave();
  const place = (errors: ReadonlyArray<{ path: string; message: string }>) =>
    placeFieldErrors(form, errors, fields.names, new RegExp(`^${kind}\\.[^.]+\\.`), fields.alias);
  const { saving, error, run } = useSubmit(place);
  const locked = new Set(entry?.legacy ? entry.lockedFields : []);
  const isLocked = (field: string) => locked.has(field);

  // the problems found at 提交审核, shown beside their fields once the form is on screen
  const showIssues = (open: boolean) => {
    if (!open || !entry) return;
    place(issues.filter((i) => i.entryId === entry.id).map((i) => ({ path: i.field ?? '', message: i.message })));
  };

  const change = useContext(EntryChangeContext);
  const submit = (body: unknown) =>
    run(async () => {
      if (change) await change.save(kind, entry?.id ?? null, body);
      else if (entry) await save('PUT', `/api/collection/${kind}/${encodeURIComponent(entry.id)}`, body);
      else await save('POST', `/api/collection/${kind}`, body);
      onSaved(entry?.id ?? null);
    });

  return {
    kind,
    today,
    form,
    saving,
    error,
    hasLocked: locked.size > 0,
    isLocked,
    lockClass: (field: string) => (isLocked(field) ? 'ausm-locked' : undefined),
    showIssues,
    submit,
  };
}

/** The modal around an entry's form: 保存/取消, the locked-fields note and the save error above the form. */
export function EntryModal<F extends object>({
  editor,
  title,
  width,
  notice,
  initialValues,
  onFinish,
  onClose,
  children,
}: {
  editor: ReturnType<typeof useEntryEditor<F>>;
  title: string;
  width: number;
  /** shown first, above the locked-fields note */
  notice?: ReactNode;
  initialValues: F;
  onFinish: (values: F) => void;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Modal
      wrapClassName="ausm-collection-modal"
      open
      title={title}
      width={width}
      onCancel={onClose}
      okText="保存"
      cancelText="取消"
      confirmLoading={editor.saving}
      onOk={() => editor.form.submit()}
      mask={{ closable: false }}
      destroyOnHidden
      afterOpenChange={editor.showIssues}
    >
      {notice}
      {editor.hasLocked && <Alert type="warning" showIcon role="note" title={LOCKED_NOTE} style={{ marginBottom: 16 }} />}
      {editor.error && <Alert type="error" showIcon role="alert" title={editor.error} style={{ marginBottom: 16 }} />}
      <Form form={editor.form} name={editor.kind} layout="vertical" requiredMark scrollToFirstError onFinish={onFinish} initialValues={initialValues}>
        {children}
      </Form>
    </Modal>
  );
}

/** A start date that may not be after today (an empty one is left to the required rule). */
export function notAfterToday(today: string, message: string) {
  return { validator: (_: unknown, d?: Dayjs | null) => ((fromDay(d) ?? '') > today ? Promise.reject(new Error(message)) : Promise.resolve()) };
}

/** A required text of at least two characters, up to `max`. */
export function requiredText(name: string, max: number, tooShort = `请输入${name}`) {
  return [
    { required: true, whitespace: true, message: `请输入${name}` },
    { min: 2, message: tooShort },
    { max, message: `${name}不能超过${max}个字` },
  ];
}

/**
 * An end date with its 至今 box, inside a form with `startDate`, `endDate` and `ongoing` fields.
 * `check` gets the dates as YYYY-MM-DD (null when empty) and returns the problem, if any.
 */
export function OngoingEndField({
  formName,
  label,
  placeholder,
  ongoing,
  check,
  className,
  disabled,
  ongoingDisabled,
}: {
  /** the form's name: the date picker's id is `<formName>_endDate`, which the label points at */
  formName: string;
  label: string;
  placeholder: string;
  ongoing: boolean;
  check: (end: string | null, start: string | null, ongoing: boolean) => string | undefined;
  className?: string;
  disabled?: boolean;
  ongoingDisabled?: boolean;
}) {
  const form = Form.useFormInstance();
  const id = `${formName}_endDate`;
  return (
    <Form.Item label={label} htmlFor={id} required={!ongoing} className={className} style={{ marginBottom: 0 }}>
      <div style={{ display: 'flex', gap: 12, alignItems: 'flex-start' }}>
        <Form.Item
          name="endDate"
          style={{ flex: 1 }}
          dependencies={['ongoing', 'startDate']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, d?: Dayjs | null) => {
                const problem = check(fromDay(d), fromDay(getFieldValue('startDate') as Dayjs | undefined), Boolean(getFieldValue('ongoing')));
                return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
              },
            }),
          ]}
        >
          <DatePicker id={id} style={{ width: '100%' }} placeholder={placeholder} disabled={ongoing || disabled} />
        </Form.Item>
        <Form.Item name="ongoing" valuePropName="checked" style={{ marginTop: 5 }}>
          <Checkbox disabled={ongoingDisabled} onChange={(e) => e.target.checked && form.setFieldValue('endDate', null)}>
            至今
          </Checkbox>
        </Form.Item>
      </div>
    </Form.Item>
  );
}

/**
 * 起止时间 of an education or work entry: the start no later than today, the end (or 至今) between
 * the start and today; a legacy entry may keep them locked.
 */
export function PeriodFields({
  editor: { kind, today, isLocked, lockClass },
  ongoing,
  start,
  end,
}: {
  editor: Pick<ReturnType<typeof useEntryEditor>, 'kind' | 'today' | 'isLocked' | 'lockClass'>;
  ongoing: boolean;
  /** the placeholder doubles as the message when the start is missing */
  start: { label: string; placeholder: string; afterToday: string };
  end: { label: string; placeholder: string; missing: string; beforeStart: string; afterToday: string };
}) {
  return (
    <>
      <Col xs={24} sm={12}>
        <Form.Item label={start.label} name="startDate" className={lockClass('startDate')} rules={[{ required: true, message: start.placeholder }, notAfterToday(today, start.afterToday)]}>
          <DatePicker style={{ width: '100%' }} placeholder={start.placeholder} disabled={isLocked('startDate')} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <OngoingEndField
          formName={kind}
          label={end.label}
          placeholder={end.placeholder}
          ongoing={ongoing}
          className={lockClass('endDate')}
          disabled={isLocked('endDate')}
          ongoingDisabled={isLocked('endDate') || isLocked('ongoing')}
          check={(to, from, stillOngoing) => {
            if (stillOngoing) return undefined;
            if (!to) return end.missing;
            if (from && to < from) return end.beforeStart;
            return to > today ? end.afterToday : undefined;
          }}
        />
      </Col>
    </>
  );
}

/** The 否/是 radio options of a yes-or-no question. */
export const YES_NO = [
  { value: false, label: '否' },
  { value: true, label: '是' },
];
