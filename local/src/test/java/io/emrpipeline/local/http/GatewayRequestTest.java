package io.emrpipeline.local.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.Headers;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayRequestTest {

    private static GatewayRequest signed(String authorization, String query) {
        Headers headers = new Headers();
        headers.add("Authorization", authorization);
        return new GatewayRequest("GET", "/applications/a/jobruns", query, headers, new byte[0]);
    }

    @Test
    void callerServiceAndRegionComeFromTheSigV4Credential() {
        GatewayRequest request = signed("AWS4-HMAC-SHA256 Credential=LOCALSUBMITJOBRUN/20250101/eu-west-1/emr-serverless/"
                + "aws4_request, SignedHeaders=host;x-amz-date, Signature=abc", null);

        assertEquals("LOCALSUBMITJOBRUN", request.accessKeyId());
        assertEquals("emr-serverless", request.signingService());
        assertEquals("eu-west-1", request.region());
    }

    @Test
    void anUnsignedRequestHasNoServiceAndTheDefaultRegion() {
        GatewayRequest request = new GatewayRequest("GET", "/", null, new Headers(), new byte[0]);

        assertEquals("", request.accessKeyId());
        assertEquals("", request.signingService());
        assertEquals("us-east-1", request.region());
    }

    @Test
    void repeatedQueryParametersFormAList() {
        GatewayRequest request = signed("none", "states=RUNNING&maxResults=5&states=SUCCESS&next%20Token=a%2Fb");

        assertEquals(List.of("RUNNING", "SUCCESS"), request.queryValues("states"));
        assertEquals("a/b", request.queryValue("next Token"));
    }
}
