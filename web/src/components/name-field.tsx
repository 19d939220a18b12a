import { useRef } from 'react';
import { Form, Input, Space, type FormInstance, type InputRef } from 'antd';
import type { Rule } from 'antd/es/form';
import { RareCharPicker, insertAtCursor } from './rare-char-picker';

/**
 * 真实姓名 with the 生僻字 picker beside it: a person named 林𡒄 types the name the same way at
 * registration, when resetting the password and in 基本信息变更.
 */
export function NameField({ form, rules, placeholder, label = '真实姓名' }: { form: FormInstance; rules: Rule[]; placeholder?: string; label?: string }) {
  const nameRef = useRef<InputRef>(null);
  return (
    <Form.Item label={label} htmlFor="name" required extra="姓名中有生僻字的，请点击“生僻字”选择">
      <Space.Compact style={{ width: '100%' }}>
        <Form.Item name="name" noStyle rules={rules}>
          <Input id="name" ref={nameRef} autoComplete="name" placeholder={placeholder} />
        </Form.Item>
        <RareCharPicker
          onPick={(ch) => {
            const input = nameRef.current?.input ?? null;
            const next = insertAtCursor(input, form.getFieldValue('name') ?? '', ch);
            form.setFieldValue('name', next.value);
            requestAnimationFrame(() => {
              input?.focus();
              input?.setSelectionRange(next.caret, next.caret);
            });
          }}
        />
      </Space.Compact>
    </Form.Item>
  );
}

