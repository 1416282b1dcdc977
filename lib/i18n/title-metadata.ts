import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { MessageKeys, NamespaceKeys, NestedKeyOf, NestedValueOf } from "use-intl/core";
import type { Messages } from "./messages";
import { localeOf } from "./page-locale";

type Namespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;
type KeyOf<N extends Namespace> = MessageKeys<NestedValueOf<Messages, N>, NestedKeyOf<NestedValueOf<Messages, N>>>;

/** A `generateMetadata` whose title is one message of the page's language, plus any fixed metadata. */
export function titleMetadata<N extends Namespace>(namespace: N, key: KeyOf<N> = "title" as KeyOf<N>, extra: Metadata = {}) {
  return async ({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> => {
    const locale = await localeOf(params);
    // next-intl cannot type a key generic over the namespace; the signature above checks it instead.
    const t = (await getTranslations({ locale, namespace })) as unknown as (key: string) => string;
    return { ...extra, title: t(key) };
  };
}
