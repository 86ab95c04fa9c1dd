import { Screen } from '../../ui/Screen.tsx';

export default function FeedbackScreen() {
  return <Screen title="FeedbackScreen">{null}</Screen>;
}
