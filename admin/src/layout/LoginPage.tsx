import { Box, Typography } from '@mui/material';
import ShieldOutlinedIcon from '@mui/icons-material/ShieldOutlined';
import {
  LocalesMenuButton,
  Login,
  LoginForm,
  PasswordInput,
  TextInput,
  email,
  required,
  useTranslate,
} from 'react-admin';

/**
 * react-admin's login screen, titled with the application name. The first
 * input keeps react-admin's `username` name (authProvider.login sends it to
 * the API as `email`) but is labelled and typed as an email address.
 */
export const LoginPage = () => {
  const translate = useTranslate();
  return (
    <Login
      avatarIcon={<ShieldOutlinedIcon />}
      sx={{
        backgroundImage: 'linear-gradient(160deg, #e9f0f3 0%, #d5e2e8 55%, #c4d6de 100%)',
        '& .RaLogin-card': { width: 360, mt: '8em' },
        '& .RaLogin-icon': { bgcolor: 'primary.main' },
      }}
    >
      <Box sx={{ position: 'fixed', top: 8, right: 8 }}>
        <LocalesMenuButton />
      </Box>
      <Box sx={{ textAlign: 'center', px: 2 }}>
        <Typography variant="h5" component="h1">
          {translate('app.name')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('app.tagline')}
        </Typography>
      </Box>
      <LoginForm>
        <TextInput
          autoFocus
          source="username"
          type="email"
          label="app.auth.email"
          autoComplete="username"
          validate={[required(), email()]}
        />
        <PasswordInput
          source="password"
          label="ra.auth.password"
          autoComplete="current-password"
          validate={required()}
        />
      </LoginForm>
    </Login>
  );
};
