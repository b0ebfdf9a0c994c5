// A section that opens and closes (已忽略的问题, 共性指标库, 开发者信息): one button, the same look
// and the same aria wiring everywhere.
import { Button } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { useSharedStyles } from './shared.styles.js';

export function DisclosureButton({ open, onToggle, controls, children }: { open: boolean; onToggle: () => void; controls: string; children: ReactNode }) {
  const shared = useSharedStyles();
  return (
    <Button
      appearance="subtle"
      size="small"
      className={shared.disclosure}
      icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />}
      aria-expanded={open}
      aria-controls={controls}
      onClick={onToggle}
    >
      {children}
    </Button>
  );
}
