/** The part of language-tags (IANA subtag registry, BCP 47) that schemas/language.ts uses. */
declare module 'language-tags' {
  interface Subtag {
    format(): string;
    descriptions(): string[];
  }
  interface Tag {
    valid(): boolean;
    errors(): { message: string }[];
    language(): Subtag | null;
    script(): Subtag | null;
    format(): string;
  }
  interface Tags {
    (tag: string): Tag;
    language(subtag: string): Subtag | null;
    region(subtag: string): Subtag | null;
  }
  const tags: Tags;
  export default tags;
}
