/**
 * Says on the map when the user's imported points cannot be drawn (their tile worker failed to start,
 * stopped, or could not index them). The points are still counted under each option and can be found by
 * id in the side panel, which the notice says; nothing else on the map depends on them.
 */
import { useT } from '../i18n/index.ts';

export function PointsStatus({ reason }: { reason: string | null }) {
  const { t } = useT();
  if (!reason) return null;
  return (
    <div className="map-status" role="alert" data-testid="points-status">
      {t('pointsStatus.failed', { reason })}
    </div>
  );
}
