// ra-language-italian 3.x ships plain CommonJS (`module.exports = { ra: {...} }`)
// without type declarations. Its key set predates react-admin 5, which is why
// i18n/it.ts completes and corrects it.
declare module 'ra-language-italian' {
  const italianMessages: { ra: Record<string, unknown> };
  export default italianMessages;
}
