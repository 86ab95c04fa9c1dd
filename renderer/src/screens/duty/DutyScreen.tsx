import { Screen } from '../../ui/Screen.tsx';

export default function DutyScreen() {
  return <Screen title="DutyScreen">{null}</Screen>;
}
