import { Screen } from '../../ui/Screen.tsx';

export default function RequestStatusScreen() {
  return <Screen title="RequestStatusScreen">{null}</Screen>;
}
