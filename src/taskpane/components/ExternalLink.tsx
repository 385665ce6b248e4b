/**
 * A link to a source, opened outside the pane. Only https URLs become links; anything else is
 * shown as plain text. In Office the host's browser window is used (services.openExternal).
 */
import type { ReactNode } from "react";
import { Link } from "@fluentui/react-components";
import { httpsUrl } from "../plans/cells";
import { useServices } from "../services";

export function ExternalLink({ url, children }: { url: string; children?: ReactNode }) {
  const services = useServices();
  const safe = httpsUrl(url);
  if (!safe) return <span>{children ?? url}</span>;
  return (
    <Link
      href={safe}
      target="_blank"
      rel="noopener noreferrer"
      onClick={(event) => {
        event.preventDefault();
        services.openExternal(safe);
      }}
    >
      {children ?? safe}
    </Link>
  );
}
