import { SearchInput, useTranslate, type SearchInputProps } from 'react-admin';

/**
 * The list's search box (`q`), with a translated placeholder saying what it
 * searches: react-admin's SearchInput passes its placeholder untranslated.
 */
export const SearchFilter = ({ placeholder, ...props }: SearchInputProps) => {
  const translate = useTranslate();
  return placeholder ? (
    <SearchInput {...props} placeholder={translate(placeholder)} sx={{ minWidth: 280, ...props.sx }} />
  ) : (
    <SearchInput {...props} />
  );
};
