// The portal's themes: light, and dark for browsers whose system setting asks for it
// (prefers-color-scheme). react-admin picks the one the system prefers until the user chooses
// one with the app bar's toggle (kept in its store).
import { defaultDarkTheme, defaultLightTheme, type RaThemeOptions } from 'react-admin';

const typography = {
  fontFamily: ['system-ui', '-apple-system', '"Segoe UI"', 'Roboto', '"Helvetica Neue"', 'Arial', 'sans-serif'].join(','),
};

/**
 * A list never widens the page: its main column may shrink below its table's width (a flex
 * child keeps its content's width otherwise), and a table wider than the screen scrolls in its
 * own frame (a phone, a list with many columns or long values).
 */
const components = (base: RaThemeOptions) => ({
  ...base.components,
  RaList: { styleOverrides: { root: { '& .RaList-main': { minWidth: 0 } } } },
  RaDataTable: { styleOverrides: { root: { '& .RaDataTable-tableWrapper': { overflowX: 'auto' } } } },
  RaDatagrid: { styleOverrides: { root: { '& .RaDatagrid-tableWrapper': { overflowX: 'auto' } } } },
});

export const lightTheme: RaThemeOptions = {
  ...defaultLightTheme,
  palette: {
    ...defaultLightTheme.palette,
    primary: { main: '#1565c0' },
    secondary: { main: '#00838f' },
  },
  typography: { ...defaultLightTheme.typography, ...typography },
  components: components(defaultLightTheme),
};

// The same hues, lightened enough to read on a dark background (WCAG AA on #121212).
export const darkTheme: RaThemeOptions = {
  ...defaultDarkTheme,
  palette: {
    ...defaultDarkTheme.palette,
    mode: 'dark',
    primary: { main: '#90caf9' },
    secondary: { main: '#4dd0e1' },
    background: { default: '#121212', paper: '#1e1e1e' },
  },
  typography: { ...defaultDarkTheme.typography, ...typography },
  components: components(defaultDarkTheme),
};
