import { Screen } from '../../ui/Screen.tsx';

export default function RequestsScreen() {
  return <Screen title="RequestsScreen">{null}</Screen>;
}
