/**
 * A static notice box (the outside-Excel notice, a part that failed to load). Fluent's
 * MessageBar is ~3 KB gzip of styles, reflow and motion code the first screen would carry only
 * for these two; it stays for insert outcomes, which load with the insert code (InsertOutcome).
 */
import type { ReactNode } from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: {
    display: "flex",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  warning: {
    backgroundColor: tokens.colorStatusWarningBackground1,
    borderTopColor: tokens.colorStatusWarningBorder1,
    borderRightColor: tokens.colorStatusWarningBorder1,
    borderBottomColor: tokens.colorStatusWarningBorder1,
    borderLeftColor: tokens.colorStatusWarningBorder1,
  },
  icon: { flexShrink: 0, marginTop: "1px", color: tokens.colorNeutralForeground3 },
  warningIcon: { color: tokens.colorStatusWarningForeground3 },
  body: { flexGrow: 1, minWidth: 0 },
  title: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS },
  actions: { flexShrink: 0, alignSelf: "center" },
});

/** An outlined circle with "i" (info) or triangle with "!" (warning), in currentColor; decorative. */
function NoticeIcon({ intent, className }: { intent: "info" | "warning"; className: string }) {
  return (
    <svg className={className} width="18" height="18" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      {intent === "info" ? (
        <>
          <circle cx="10" cy="10" r="7.6" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <rect x="9.25" y="8.6" width="1.5" height="5.4" rx="0.75" fill="currentColor" />
          <circle cx="10" cy="6.4" r="1" fill="currentColor" />
        </>
      ) : (
        <>
          <path d="M10 2.8 17.6 16.6H2.4Z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
          <rect x="9.25" y="7.4" width="1.5" height="5" rx="0.75" fill="currentColor" />
          <circle cx="10" cy="14.2" r="1" fill="currentColor" />
        </>
      )}
    </svg>
  );
}

export function Notice({
  intent,
  title,
  children,
  actions,
  className,
  role,
  ...rest
}: {
  intent: "info" | "warning";
  title?: string;
  children: ReactNode;
  actions?: ReactNode;
  className?: string;
  role?: "alert" | "status" | "note";
  "data-testid"?: string;
}) {
  const styles = useStyles();
  return (
    <div className={mergeClasses(styles.root, intent === "warning" && styles.warning, className)} role={role} {...rest}>
      <NoticeIcon intent={intent} className={mergeClasses(styles.icon, intent === "warning" && styles.warningIcon)} />
      <div className={styles.body}>
        {title ? <span className={styles.title}>{title}</span> : null}
        {children}
      </div>
      {actions ? <div className={styles.actions}>{actions}</div> : null}
    </div>
  );
}
