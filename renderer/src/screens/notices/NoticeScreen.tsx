import { Screen } from '../../ui/Screen.tsx';

export default function NoticeScreen() {
  return <Screen title="NoticeScreen">{null}</Screen>;
}
