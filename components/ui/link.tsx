"use client";

import { type ComponentProps, useState } from "react";
import { Link as LocaleLink } from "@/lib/i18n/navigation";

type LinkProps = ComponentProps<typeof LocaleLink>;

/**
 * The portal's link: a client-side navigation in the page's language that prefetches its page when
 * the reader shows intent (pointer over it, keyboard focus, a finger on it), not when it scrolls
 * into view. Next prefetches every link in view by default: one view of the queue made the server
 * render 26 other pages, and one view of the register made a phone download 14.
 */
export function Link({ prefetch, onMouseEnter, onFocus, onTouchStart, ...props }: LinkProps) {
  const [intent, setIntent] = useState(false);
  return (
    <LocaleLink
      {...props}
      prefetch={intent ? prefetch : false}
      onMouseEnter={(event) => {
        setIntent(true);
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        setIntent(true);
        onFocus?.(event);
      }}
      onTouchStart={(event) => {
        setIntent(true);
        onTouchStart?.(event);
      }}
    />
  );
}
