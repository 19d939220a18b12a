import { useRef, useState, type ReactNode } from 'react';
import { Button, Popconfirm } from 'antd';

/**
 * A link button that asks before acting (antd Popconfirm), made keyboard-friendly: focus moves into
 * the question, Escape closes it, and focus returns to the button afterwards.
 */
export function ConfirmButton({
  title,
  description,
  okText,
  danger = false,
  busy = false,
  onConfirm,
  children,
}: {
  title: string;
  description: ReactNode;
  okText: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    trigger.current?.focus();
  };
  return (
    // React key events bubble out of the popup's portal to here
    <span
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          close();
        }
      }}
    >
      <Popconfirm
        open={open}
        onOpenChange={setOpen}
        destroyOnHidden
        title={title}
        description={description}
        okText={okText}
        cancelText="取消"
        // a destructive action starts on 取消; a harmless one on its own button
        okButtonProps={{ danger, autoFocus: !danger }}
        cancelButtonProps={{ autoFocus: danger }}
        onConfirm={() => {
          close();
          onConfirm();
        }}
        onCancel={close}
      >
        <Button ref={trigger} type="link" size="small" danger={danger} loading={busy}>
          {children}
        </Button>
      </Popconfirm>
    </span>
  );
}
