import { Flex, Text } from '@backstage/ui';
import { ReactNode, RefObject } from 'react';

/**
 * A part of a page under its heading, and a region named like it, so that
 * screen reader users can move between the parts.
 */
export function PageSection(props: {
  title: string;
  /** For a heading the page moves the focus to; it can then take it. */
  headingRef?: RefObject<HTMLHeadingElement>;
  children: ReactNode;
}) {
  const { title, headingRef, children } = props;
  return (
    <section aria-label={title}>
      <Flex direction="column" gap="2">
        <Text
          as="h3"
          variant="title-x-small"
          ref={headingRef}
          tabIndex={headingRef ? -1 : undefined}
        >
          {title}
        </Text>
        {children}
      </Flex>
    </section>
  );
}
