import { Box, Typography } from '@mui/material';
import WavesIcon from '@mui/icons-material/Waves';
import { Login, LoginForm } from 'react-admin';

export const LoginPage = () => (
  <Login avatarIcon={<WavesIcon />}>
    <Box sx={{ textAlign: 'center', px: 2 }}>
      <Typography variant="h5" component="h1">
        Superfluid
      </Typography>
      <Typography variant="body2" color="text.secondary">
        Self-service catalog
      </Typography>
    </Box>
    <LoginForm />
  </Login>
);
