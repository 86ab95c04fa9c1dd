import { Screen } from '../../ui/Screen.tsx';

export default function ServiceScreen() {
  return <Screen title="ServiceScreen">{null}</Screen>;
}
