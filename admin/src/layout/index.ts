export { AppBar } from './AppBar';
export { AppName } from './AppName';
export { Layout } from './Layout';
export { LoginPage } from './LoginPage';
export { Menu } from './Menu';
