import { Screen } from '../../ui/Screen.tsx';

export default function NoticesScreen() {
  return <Screen title="NoticesScreen">{null}</Screen>;
}
