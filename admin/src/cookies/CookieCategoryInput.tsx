import { FormDataConsumer, SelectInput, required } from 'react-admin';

import {
  COOKIE_CATEGORY_CHOICES,
  PLATFORM_COOKIE_CATEGORIES,
  WEBSITE_COOKIE_CATEGORIES,
} from '../registers/vocabulary';

/** Only the categories of the chosen system's banner: the API refuses any other. */
export const CookieCategoryInput = () => (
  <FormDataConsumer<{ system?: string }>>
    {({ formData }) => {
      const own = formData.system === 'platform' ? PLATFORM_COOKIE_CATEGORIES : WEBSITE_COOKIE_CATEGORIES;
      return (
        <SelectInput
          source="category"
          choices={COOKIE_CATEGORY_CHOICES.filter((c) => own.includes(c.id))}
          validate={required()}
        />
      );
    }}
  </FormDataConsumer>
);
