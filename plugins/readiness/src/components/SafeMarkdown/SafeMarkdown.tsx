import { Link } from '@backstage/ui';
import type { ReactNode } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { isExternalHref, safeHref } from './safeHref';

function SafeLink(props: { href?: string; children?: ReactNode }) {
  const href = safeHref(props.href);
  if (!href) {
    return <>{props.children}</>;
  }
  const external = isExternalHref(href);
  return (
    <Link
      href={href}
      rel="noopener noreferrer"
      {...(external ? { target: '_blank' } : {})}
    >
      {props.children}
    </Link>
  );
}

/**
 * An image becomes a link to it: loading it would tell its host who read the
 * page and when (a tracking pixel), while a link still lets the reader open
 * it on purpose.
 */
function ImageAsLink(props: { src?: string; alt?: string }) {
  const text = props.alt || props.src;
  return <SafeLink href={props.src}>{text}</SafeLink>;
}

const components: Components = {
  a: ({ href, children }) => <SafeLink href={href}>{children}</SafeLink>,
  img: ({ src, alt }) => <ImageAsLink src={src} alt={alt} />,
};

/**
 * Markdown written by scorecard authors (check descriptions, remediation).
 * Raw HTML is shown as text, never rendered; images are links, so nothing
 * loads from elsewhere; links are http(s), mailto or relative only.
 */
export function SafeMarkdown(props: { content: string }) {
  return (
    <div>
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        components={components}
        transformLinkUri={null}
      >
        {props.content}
      </ReactMarkdown>
    </div>
  );
}
